//! The serialisable rule model: exactly what a rule file may say.
//!
//! This is the shape editors write in YAML. It is checked and turned into a
//! runtime [`crate::rules::Rule`] by `compile`; nothing outside the rules stage
//! sees these types.
//!
//! The same types generate the JSON Schema of rule files ([`schema_json`],
//! committed as `docs/rule.schema.json`), so the doc comments below are what an
//! editor shows on hover: each says what the field is and gives an example.
//! Checks the serde types cannot express (a percentage tolerance only for
//! number and duration rules, an example's value shaped by the rule's kind) are
//! added to the schema by hand in `schema::kind_conditions`; what no schema can check
//! (regex syntax, placeholders, duplicate ids, real calendar days) is left to
//! `recoupe rules check`.

mod schema;

pub use schema::{schema, schema_json};

use crate::value::Kind;
use schema::{example_value_schema, kind_conditions};
use schemars::JsonSchema;
use serde::Deserialize;

/// A recoupe rule file: one claim family (say, the deadline Donald Trump gave
/// Russia) as a list of rules.
///
/// Rule files live in `rules/` (one `*.yaml` per claim family) and are checked
/// with `recoupe rules check` and `recoupe rules test`. The format is described
/// in docs/rules.md.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "recoupe rule file")]
pub struct RuleFile {
    /// The rules of this file, each starting with `- id:`. All rule files are
    /// loaded together: ids must be unique across files, and rules of any file
    /// that share a `subject` are compared with each other.
    pub rules: Vec<RuleSpec>,
}

/// One rule: the words that state a claim (`patterns`), the fact it is about
/// (`subject`) and the kind of value it reads (`kind`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = kind_conditions)]
pub struct RuleSpec {
    /// The rule's name: one word, unique across all rule files. By convention
    /// lower-case words joined by `-`, e.g. `trump-deadline-days`. Reports name
    /// the rule of each claim with it, and `recoupe rules explain ID` takes it.
    #[schemars(regex(pattern = r"^\S+$"), example = "trump-deadline-days")]
    #[schemars(extend("patternErrorMessage" = "one word, without spaces: `trump-deadline-days`"))]
    pub id: String,
    /// What the rule finds, and what it takes care not to find, for people:
    /// shown by `recoupe rules explain` and in reports. Example: `The number of
    /// days Donald Trump gave Russia to reach a ceasefire deal.`
    pub description: String,
    /// The fact the claims are about, e.g. `trump-deadline-to-russia-days`.
    /// Claims are compared by subject: two rules that phrase one fact
    /// differently share a subject (and must have the same `kind`). The subject
    /// may name a named group of the patterns in braces, filled in from each
    /// match (lower-cased, spaces as `-`): `strike-{city}-dead` with
    /// `(?P<city>Kiev|Odessa)` in every pattern.
    #[schemars(example = "trump-deadline-to-russia-days", example = "strike-{city}-dead")]
    pub subject: String,
    /// The kind of value the rule reads, which decides the placeholder its
    /// patterns use: `number` (`{count}`, `{number}` or `{ordinal}`),
    /// `duration` (`{duration}`, read in days), `date` (`{date}`) or `text`
    /// (the words of a `(?P<value>...)` group).
    pub kind: Kind,
    /// Regular expressions (Rust `regex` syntax, matched case-insensitively)
    /// that find the claim, each with exactly one value placeholder: `{count}`,
    /// `{number}`, `{ordinal}`, `{duration}` or `{date}` (a text rule captures
    /// `(?P<value>...)` instead). `{gap}` stands for a few words inside one
    /// sentence; a space matches any run of white space and `'` also matches
    /// `’`. Example: `délai de {duration} à (?:la Russie|Moscou)`. In YAML,
    /// quote patterns and, inside double quotes, double each backslash:
    /// `"\\bbilan"`.
    ///
    /// Optional when the rule has a frame (`unit`, `near`, `sentence`…): a
    /// frame describes the fact, patterns spell one sentence shape. A rule may
    /// have both; each claim is read once.
    #[serde(default)]
    #[schemars(example = ["délai de {duration} à (?:la Russie|Moscou)"])]
    pub patterns: Vec<String>,
    /// The frame's unit: the nouns the value counts, one of which must follow
    /// the value within `unit_within` words (`426 drones`, `1 000 prisonniers`,
    /// `une douzaine de morts`), or, for a duration, the unit the value is
    /// written in (`jour` keeps `50 jours` and leaves out `30 heures`). A word
    /// ending in `*` is a prefix (`prisonnier*`); words are matched without
    /// case, accents or elisions. Example: `[drone*]`, or per language
    /// `{ fr: [drone*], en: [drone*] }`.
    #[serde(default)]
    pub unit: Option<Words>,
    /// How many words after the value the unit may stand (default 3: `426
    /// drones`, `1 000 prisonniers de guerre`, `deux autres personnes`).
    #[serde(default)]
    #[schemars(range(min = 1, max = 12))]
    pub unit_within: Option<usize>,
    /// `true`: only a figure given for each side in one phrase (`1000 contre
    /// 1000`, `1.000/1.000`, `1 000 pour 1 000`); `false`: never such a
    /// figure. Left out: either, and a pair then needs the `unit` after it
    /// like any figure; with `true`, a pair needs no `unit`.
    #[serde(default)]
    pub paired: Option<bool>,
    /// Words that must stand near the value, in the same sentence: each entry
    /// `{ within: N, words: [...] }` needs one of its words within N words of
    /// the value (either side, or `side: before` / `side: after`). All entries
    /// must hold. Example: `{ within: 6, words: [délai, ultimatum, "d'ici"] }`.
    #[serde(default)]
    pub near: OneOrMany<NearSpec>,
    /// Word groups that must all occur in the value's sentence: one list is
    /// one group (any of its words), a list of lists is several groups, each
    /// of which must be met. Example: `[[russie, moscou, poutine], [trump]]`.
    #[serde(default)]
    pub sentence: Option<Groups>,
    /// Word groups that must all occur in the value's sentence or the
    /// sentence before it, in one paragraph: the passage where a toll or a
    /// date refers back to its place ("Kiev a été visée cette nuit. Le bilan
    /// est de deux morts.").
    #[serde(default)]
    pub passage: Option<Groups>,
    /// Words naming the place the fact happened in (a city, its mayor):
    /// the value's sentence or the one before it names one, or else the
    /// nearest place named before it (at most six sentences up, across
    /// paragraphs: a dateline, "Kyiv was hit overnight … The city reported
    /// two dead") is one of these, and no word of `not.sentence` (another
    /// city, "nationwide", another night) stands in that sentence or in one
    /// between. Example: `[kyiv, kiev, capitale, klitschko]`.
    #[serde(default)]
    pub place: Option<Words>,
    /// Word groups that must all occur in the value's paragraph.
    #[serde(default)]
    pub paragraph: Option<Groups>,
    /// Word groups that must all occur somewhere in the article: the story
    /// (`[trump]`, `[istanbul]`).
    #[serde(default)]
    pub document: Option<Groups>,
    /// Exclusions: a value is not read when one of these holds. `near`
    /// (words within N words, e.g. a revision verb), `sentence`, `paragraph`,
    /// `document` (any of the words there). Example: `{ near: { within: 4,
    /// words: [ramen*, rédui*] }, document: [tarif*] }`.
    #[serde(default, rename = "not")]
    pub exclude: Option<ExcludeSpec>,
    /// The event's period. For date rules, a date value outside it is not
    /// the event's date and is not read (the first round's `16 mai` for the
    /// third round), and an undated article's bare weekday (`mercredi`) is
    /// resolved here when that weekday falls exactly once in the period. For
    /// number and duration rules, a value whose sentence names a day wholly
    /// outside the period (nearer the value than any day inside it) is
    /// another event's and is not read (`le 17 juin, une frappe avait fait
    /// 28 morts`), and so is one whose sentence names no day in an article
    /// printed outside the period; give the days the event is reported
    /// on, not only the day it happened. Example: `{ from: "2025-07-21",
    /// to: "2025-07-31" }`.
    #[serde(default)]
    pub when: Option<WindowSpec>,
    /// For number and duration rules with a `when` period: figures only this
    /// event had, which name it as surely as its date does ("the night of
    /// the 426 drones"). Where a sentence gives one (the `value`, exactly,
    /// with a word of its `unit` within two words after it), the event's
    /// `day` is read as if written there: it meets the `document` groups a
    /// dateline of that day would meet, and it places the values of its
    /// sentence, and of the sentence after it, in the event, as a day of
    /// the period does. A figure measured against (« moins que les 426
    /// drones ») places nothing, as a compared day does not. Example:
    /// `{ day: "2025-07-21", figures: [{ value: 426, unit: [drones] }] }`.
    #[serde(default)]
    pub signature: Option<SignatureSpec>,
    /// For number and duration rules: the values the fact can take. A value
    /// that cannot fall in it is another fact's and is not read: the cut of
    /// a 50-day deadline is shorter than 50 days (`{ to: 49 }`), so "the
    /// 50 days he first gave" beside it is never read as the cut. Either end
    /// may be left out. Example: `{ from: 1, to: 49 }`.
    #[serde(default)]
    pub range: Option<RangeSpec>,
    /// How far apart two outlets' values may be and still agree. A number in
    /// the value's unit (`2`: two people; days for durations and dates) or,
    /// for number and duration rules only, a percentage of the value as a
    /// string (`"5%"`). Left out: `0`, the two values must overlap.
    #[serde(default)]
    #[schemars(example = 0, example = "5%")]
    pub tolerance: Option<ToleranceSpec>,
    /// Only articles published in this window are read by the rule: a story's
    /// facts change (a 50-day deadline later became 10 days), and a rule that
    /// states one moment of the story must not read another. Both days are
    /// included; either may be left out. An undated article is read by every
    /// rule (its frame's words must then tell the event apart). Example:
    /// `{ from: "2025-07-14", to: "2025-07-28" }`.
    #[serde(default)]
    pub published: Option<WindowSpec>,
    /// Texts the rule must and must not match, run through the real engine by
    /// `recoupe rules test`. Optional (an empty `examples:` is none), but a
    /// rule without examples is a rule nobody has seen work.
    #[serde(default)]
    #[schemars(with = "Option<ExamplesSpec>")]
    pub examples: ExamplesSpec,
    /// How much a contradiction of this rule weighs: `error` (the default)
    /// fails the run; `warning` fails it only with `--fail-on warning`;
    /// `info` is reported and never fails it. SARIF and GitHub annotations
    /// use it as their level.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// `up`: the value is a figure that grows as it is counted (a toll, the
    /// number of evacuees). Outlets that give 2, then 6, then 9 as the day
    /// goes on were each right when they wrote: claims ordered by `as_of`
    /// that rise make a **revision** finding, not a contradiction. A later,
    /// lower figure, or two figures given at the same minute, still
    /// contradict. For `number` and `duration` rules.
    #[serde(default)]
    pub evolves: Option<Evolves>,
    /// The subject this rule's fact replaces: a deadline of 50 days later cut
    /// to 10 (`revises: trump-deadline-to-russia-days`). The report shows the
    /// two as one timeline, and flags a claim that still gives the old value
    /// as current after the revision. Must name another rule's subject.
    #[serde(default)]
    #[schemars(example = "trump-deadline-to-russia-days")]
    pub revises: Option<String>,
    /// Every claim of this rule counts one side of an exchange (`per_side`)
    /// or both sides together (`total`). Claims of one subject are compared
    /// after conversion: total = 2 × per side.
    #[serde(default)]
    pub role: Option<RoleSpec>,
    /// The words that mark a claim as given for each side: `true` for the
    /// language's own ("de chaque côté", "contre", "each", "on each side"),
    /// or a list (per language allowed) of phrases. Read within six words
    /// of the value; for `number` rules.
    #[serde(default)]
    pub per_side: Option<RoleMarkersSpec>,
    /// The words that mark a claim as a total of both sides: `true` for the
    /// language's own ("au total", "en tout", "in total"), or a list.
    #[serde(default)]
    pub total: Option<RoleMarkersSpec>,
}

/// A rule's `evolves`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Evolves {
    /// The figure only grows as it is counted.
    Up,
}

/// A rule's `role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleSpec {
    PerSide,
    Total,
}

/// `per_side` or `total`: the language's own markers, or phrases.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RoleMarkersSpec {
    Builtin(bool),
    Words(Words),
}

/// A rule's `severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, never fails the run.
    Info,
    /// Fails the run only with `--fail-on warning`.
    Warning,
    /// Fails the run (the default).
    #[default]
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's `signature`: the day an event's own figures name.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec {
    /// The day the figures name, as `YYYY-MM-DD`, inside the rule's `when`
    /// period: for a night's attack, the morning it ends on.
    #[schemars(regex(pattern = DATE_PATTERN), extend("patternErrorMessage" = DATE_MESSAGE), example = "2025-07-21")]
    pub day: String,
    /// The figures, each a value and the nouns it counts.
    pub figures: Vec<FigureSpec>,
}

/// One figure of a `signature`: `{ value: 426, unit: [drones] }`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigureSpec {
    /// The figure, exactly: a hedged figure (« plus de 400 ») names no
    /// event.
    pub value: f64,
    /// The nouns it counts, within two words after it (`426 drones`, `426
    /// kamikaze drones`), matched as the frame's words are.
    pub unit: Words,
}

pub const SIGNATURE_FIELDS: &[&str] = &["day", "figures"];
pub const FIGURE_FIELDS: &[&str] = &["value", "unit"];

/// The names of [`RuleSpec`]'s fields, for unknown-key diagnostics.
pub const RULE_FIELDS: &[&str] = &[
    "id",
    "description",
    "subject",
    "kind",
    "patterns",
    "unit",
    "unit_within",
    "paired",
    "near",
    "sentence",
    "passage",
    "place",
    "paragraph",
    "document",
    "not",
    "when",
    "signature",
    "range",
    "tolerance",
    "published",
    "examples",
    "severity",
    "evolves",
    "revises",
    "role",
    "per_side",
    "total",
];

/// Words of a frame: a list (any language), or a list per language code
/// (`{ fr: [délai, ultimatum], en: [deadline] }`), so that one rule serves
/// articles in several languages. A word ending in `*` is a prefix
/// (`libér*`); a phrase (`d'ici`, `de chaque côté`) matches those words in a
/// row. Matching ignores case, accents and elisions (`l'`, `d'`, `qu'`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Words {
    Any(Vec<String>),
    PerLanguage(std::collections::BTreeMap<String, Vec<String>>),
}

/// One list of words, or several (each must be met).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Groups {
    Several(Vec<Words>),
    One(Words),
}

impl Groups {
    pub fn groups(&self) -> Vec<&Words> {
        match self {
            Groups::One(w) => vec![w],
            Groups::Several(ws) => ws.iter().collect(),
        }
    }
}

/// One item or a list of them.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    pub fn items(&self) -> &[T] {
        match self {
            OneOrMany::One(t) => std::slice::from_ref(t),
            OneOrMany::Many(ts) => ts,
        }
    }
}

/// Words within a few words of the value.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NearSpec {
    /// How many words away from the value, at most (default 6).
    #[serde(default)]
    #[schemars(range(min = 1, max = 40))]
    pub within: Option<usize>,
    /// Which side of the value: `before`, `after` or `either` (default).
    #[serde(default)]
    pub side: Option<Side>,
    /// The words, one of which must be there.
    pub words: Words,
    /// `true`: the word counts only in the value's clause, with no comma,
    /// semicolon, em dash or parenthesis between them. A verb right before a count is its verb
    /// ("killing two"), but not across a list ("two killed, nine wounded":
    /// `killed` is not the nine's). Default `false`.
    #[serde(default)]
    pub same_clause: bool,
}

pub const NEAR_FIELDS: &[&str] = &["within", "side", "words", "same_clause"];

/// A side of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Before,
    After,
    Either,
}

/// What keeps a value from being read.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExcludeSpec {
    /// Words near the value that say it is another fact: a revision verb
    /// (`ramené à`), a truce's noun right before it (`side: before`: the
    /// value is the truce's length).
    #[serde(default)]
    pub near: OneOrMany<NearSpec>,
    /// Any of these words in the value's sentence.
    #[serde(default)]
    pub sentence: Option<Words>,
    /// Any of these words in the value's paragraph.
    #[serde(default)]
    pub paragraph: Option<Words>,
    /// Any of these words anywhere in the article: another event, another
    /// night, another country.
    #[serde(default)]
    pub document: Option<Words>,
    /// Any of these words anywhere in an article that has no day of its own
    /// (no `published`, no day in its URL): another month or year (`août`, `2024`). An undated article that
    /// names one may tell of another night; a dated one is placed by its
    /// day (a sentence naming another day is another event's), and a
    /// background line ("in 2024, a strike on a hospital…") does not take
    /// its figures away.
    #[serde(default)]
    pub undated_document: Option<Words>,
}

pub const EXCLUDE_FIELDS: &[&str] = &["near", "sentence", "paragraph", "document", "undated_document"];

/// A tolerance: a number in the value's unit, or a percentage string.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ToleranceSpec {
    /// In the value's unit, zero or more: `2` (people, or days for durations
    /// and dates).
    Absolute(#[schemars(range(min = 0))] f64),
    /// A percentage of the larger value compared, `"5%"` (number and duration
    /// rules only).
    Relative(
        #[schemars(regex(pattern = PERCENT_PATTERN))]
        #[schemars(extend("patternErrorMessage" = PERCENT_MESSAGE))]
        String,
    ),
}

/// What the loader reads as a percentage: a non-negative decimal number (point
/// or comma) followed by `%`.
const PERCENT_PATTERN: &str = r"^\s*\+?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?\s*%\s*$";

/// What the loader reads as a day: `YYYY-MM-DD` (whether the day exists is
/// checked by `recoupe rules check`).
const DATE_PATTERN: &str = r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$";

/// What editors that support `patternErrorMessage` (VS Code) say instead of
/// quoting the regular expression.
const DATE_MESSAGE: &str = "a day as YYYY-MM-DD, e.g. \"2025-07-14\"";
const PERCENT_MESSAGE: &str = "a percentage such as \"5%\", or a number without quotes";

/// A publication window: the days whose articles a rule reads.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WindowSpec {
    /// First publication day read, included, as `YYYY-MM-DD`: `"2025-07-14"`.
    /// Left out: no first day.
    #[serde(default)]
    #[schemars(regex(pattern = DATE_PATTERN), extend("patternErrorMessage" = DATE_MESSAGE), example = "2025-07-14")]
    pub from: Option<String>,
    /// Last publication day read, included, as `YYYY-MM-DD`: `"2025-07-28"`.
    /// Left out: no last day.
    #[serde(default)]
    #[schemars(regex(pattern = DATE_PATTERN), extend("patternErrorMessage" = DATE_MESSAGE), example = "2025-07-28")]
    pub to: Option<String>,
}

pub const WINDOW_FIELDS: &[&str] = &["from", "to"];

/// The values a number or duration rule's fact can take (`range`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RangeSpec {
    /// The smallest value, included (days for a duration). Left out: none.
    #[serde(default)]
    pub from: Option<f64>,
    /// The largest value, included. Left out: none.
    #[serde(default)]
    pub to: Option<f64>,
}

/// A rule's examples, checked by `recoupe rules test`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExamplesSpec {
    /// Texts the rule must match, each with the value it must read: a claim
    /// with exactly that value must come out. Take them from real articles.
    #[serde(default, rename = "match")]
    #[schemars(with = "Option<Vec<MatchExampleSpec>>")]
    pub matches: Vec<MatchExampleSpec>,
    /// Texts the rule must not match: real near-misses, such as another truce
    /// or the toll of another city. Any claim read from them is a failure.
    /// Example: `"Kiev a rejeté la trêve de 30 heures proposée par Moscou"`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<NoMatchSpec>>")]
    pub no_match: Vec<NoMatchSpec>,
}

pub const EXAMPLES_FIELDS: &[&str] = &["match", "no_match"];

/// A text the rule must not match: the text alone, or the text and its
/// language (`{ text: "...", lang: en }`) when guessing it is not enough.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum NoMatchSpec {
    Text(String),
    Tagged {
        /// The words as they stand in an article.
        text: String,
        /// The language the text is read in: `fr` or `en`. Left out: the
        /// language the text reads as.
        #[serde(default)]
        lang: Option<String>,
        /// The article's publication date (YYYY-MM-DD) the text is read
        /// against, as in a `match` example: a weekday that must not be read
        /// as the rule's day needs a day to fall on.
        #[serde(default)]
        published: Option<String>,
    },
}

impl NoMatchSpec {
    pub fn text(&self) -> &str {
        match self {
            NoMatchSpec::Text(text) | NoMatchSpec::Tagged { text, .. } => text,
        }
    }

    pub fn lang(&self) -> Option<&str> {
        match self {
            NoMatchSpec::Text(_) => None,
            NoMatchSpec::Tagged { lang, .. } => lang.as_deref(),
        }
    }

    pub fn published(&self) -> Option<&str> {
        match self {
            NoMatchSpec::Text(_) => None,
            NoMatchSpec::Tagged { published, .. } => published.as_deref(),
        }
    }
}

pub const NO_MATCH_FIELDS: &[&str] = &["text", "lang", "published"];

/// A text the rule must match and the value it must read there.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchExampleSpec {
    /// The words as they stand in an article (a sentence or a phrase), e.g.
    /// `"un délai de 50 jours à la Russie"`.
    pub text: String,
    /// The value the rule must read, as a person writes it. Number and
    /// duration rules: a number (`50`; durations in days, so `48 heures` is
    /// `2`) or an interval `[lo, hi]` with `null` for an unbounded end (`au
    /// moins un mort` is `[1, null]`, `une dizaine` is `[8, 13]`). Date rules:
    /// a day, `"2025-07-23"`, or an interval of days, `["2025-07-01",
    /// "2025-07-31"]` for `en juillet`. Text rules: the words, compared after
    /// folding case and spaces. Both ends must equal what the engine reads;
    /// `recoupe normalize` shows it.
    #[schemars(schema_with = "example_value_schema")]
    #[schemars(example = 50, example = serde_json::json!([1, null]), example = "2025-07-23")]
    pub value: serde_yaml::Value,
    /// The day the text was published, `YYYY-MM-DD`: relative dates
    /// (`mercredi`, `la semaine prochaine`) are read against it, e.g.
    /// `"2025-07-21"`. Needed for date rules that read relative dates.
    #[serde(default)]
    #[schemars(regex(pattern = DATE_PATTERN), extend("patternErrorMessage" = DATE_MESSAGE), example = "2025-07-21")]
    pub published: Option<String>,
    /// The language the text is read in: `fr` or `en`. Left out: the
    /// language the text reads as (French or English, guessed from its
    /// words).
    #[serde(default)]
    #[schemars(example = &"en")]
    pub lang: Option<String>,
}

pub const MATCH_EXAMPLE_FIELDS: &[&str] = &["text", "value", "published", "lang"];
