//! The rules stage: YAML rule files → checked, compiled rules.
//!
//! Like ast-grep, a serialisable model ([`model`]) is what editors write, and a
//! compiled [`Rule`] is what runs. Every problem is collected (not only the
//! first) and pointed at the file, line and column it comes from, with a hint
//! to fix it. Rules are compiled once per run; the [`RuleSet`] also carries the
//! prefilter that tells which patterns can match a document at all.
//!
//! One job per file: [`model`] (what editors write, and the JSON Schema),
//! `load` (reading the folder, parsing and checking each file, checks across
//! files), `compile` (one rule: patterns, tolerance, windows, examples),
//! [`frame`] (a rule's frame: word sets, the lexicon), [`pattern`]
//! (placeholder expansion), [`literals`] (the patterns' prefilter words),
//! [`diagnostic`] (problems as miette diagnostics), `yaml_spans` (where each
//! YAML node stands), `regexes` (how a pattern's regexes are built, and each
//! thread's search caches), `rule_set` (the rule set and its prefilter);
//! this file holds the compiled types.

mod compile;
pub mod diagnostic;
pub mod frame;
pub mod frame_gate;
pub mod literals;
mod load;
pub mod model;
pub mod pattern;
mod regexes;
mod rule_set;
mod yaml_spans;

use crate::french::Placeholder;
use crate::language::Lang;
use crate::value::Kind;
use jiff::civil::Date;
use regex_automata::meta::Regex;
use std::sync::{Arc, OnceLock};

pub use load::{load_dir, load_sources, read_sources, rule_files};
pub use pattern::VALUE_GROUP;
pub use regexes::{
    build_regex, group_names, Caches, ExactCache, PatternCache, Role, DFA_CACHE_LIMIT, GATE_AFTER, REGEX_SIZE_LIMIT,
};
pub use rule_set::{value_finder, RuleSet};
// What `frame` (a child of this module) reaches for while compiling.
use compile::compile_window;
pub(crate) use load::edit_distance;
use load::FileChecker;

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub subject: Subject,
    pub kind: Kind,
    pub patterns: Vec<Pattern>,
    /// The rule's frame, when it describes the fact rather than (or beside)
    /// sentence patterns.
    pub frame: Option<frame::Frame>,
    pub tolerance: Tolerance,
    /// `severity`: what a contradiction of the rule does to the exit code.
    pub severity: model::Severity,
    pub window: Window,
    /// `evolves: up`: the figure grows as it is counted (see the model).
    pub evolves: bool,
    /// `revises`: the subject whose fact this rule's fact replaces, and the
    /// byte offset of the name in the rule file (for the check that it
    /// names a subject).
    pub revises: Option<(String, usize)>,
    /// `role`, `per_side`, `total`: how the rule's counts split between the
    /// sides of an exchange.
    pub roles: Option<Roles>,
    pub examples: Examples,
    /// The rule file, as shown to the user, and the 1-based line of the rule.
    pub file: String,
    pub line: usize,
}

/// How a count rule's claims split between the sides of an exchange.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    /// `role`: every claim of the rule has it.
    pub fixed: Option<crate::search::context::CountRole>,
    /// The phrases that mark a claim per side, then a total, folded and
    /// padded (`search::context::pad`), per language (indexed like
    /// `Lang::ALL`).
    pub per_side: [Vec<String>; 2],
    pub total: [Vec<String>; 2],
}

/// A checked pattern, compiled when an article first needs it.
///
/// Loading checks the editor's regex with each placeholder's expression
/// replaced by a stand-in (syntax, size, group names): that costs little. The
/// full regexes hold the placeholder's expression (thousands of characters
/// of regex, about 4 ms and 250 KiB to compile per regex), so a newsroom's
/// thousand rules would take seconds and a gigabyte to load; they are built
/// on first use instead, once per process (clones share them), and most
/// patterns of a large rule set never run on a given corpus (the prefilter
/// skips them).
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Unique to this compiled pattern in the process (its clones share it,
    /// and its regexes): what an [`ExactCache`] is set up for.
    pub id: u64,
    /// As the editor wrote it.
    pub source: String,
    /// Placeholders expanded: what runs (case-insensitively).
    pub expanded: String,
    /// A superset of `expanded` that is cheap to compile: the prefilter's part.
    pub skeleton: String,
    /// `expanded` without word boundaries: finds candidate matches fast (see
    /// `search::patterns`), which the exact regex then confirms in a small
    /// window.
    pub located_by: String,
    /// The exact regex and the locator, once built (or why they cannot be).
    compiled: Arc<OnceLock<Result<Compiled, String>>>,
    /// The value placeholder, `None` for text rules (which capture `value`).
    pub placeholder: Option<Placeholder>,
    /// The grammar its placeholder expands to. Rule patterns are French; a
    /// value finder exists per language.
    pub lang: Lang,
    /// How its exact regex is built: [`Role::ExactSpans`] for a value
    /// finder, which [`crate::search::patterns::spans`] runs.
    exact_role: Role,
}

/// A pattern's two regexes.
#[derive(Debug)]
struct Compiled {
    regex: Regex,
    locator: Regex,
}

impl Pattern {
    /// A pattern whose regexes are built on first use.
    pub fn new(
        source: String,
        expanded: String,
        skeleton: String,
        located_by: String,
        placeholder: Option<Placeholder>,
        lang: Lang,
    ) -> Pattern {
        static NEXT_PATTERN_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Pattern {
            id: NEXT_PATTERN_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            source,
            expanded,
            skeleton,
            located_by,
            compiled: Arc::default(),
            placeholder,
            lang,
            exact_role: Role::Exact,
        }
    }

    /// The same pattern, built to give the spans of its matches only (a
    /// value finder's).
    pub fn for_spans(self) -> Pattern {
        Pattern {
            exact_role: Role::ExactSpans,
            ..self
        }
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                let regex = build_regex(&self.expanded, self.exact_role).map_err(|e| e.to_string())?;
                let locator = build_regex(&self.located_by, Role::Locator).map_err(|e| e.to_string())?;
                Ok(Compiled { regex, locator })
            })
            .as_ref()
            .ok()
    }

    /// The exact regex; `None` when it cannot be built (see
    /// [`Pattern::failure`]).
    pub fn regex(&self) -> Option<&Regex> {
        self.compiled().map(|c| &c.regex)
    }

    /// The locator: a superset of the exact regex that the fast engines run.
    pub fn locator(&self) -> Option<&Regex> {
        self.compiled().map(|c| &c.locator)
    }

    /// Why the pattern's regexes could not be built, once an article needed
    /// them: past the size limit with its placeholder's expression in it
    /// (`({count} ){50}`), which the stand-in checked at load cannot see.
    pub fn failure(&self) -> Option<&str> {
        match self.compiled.get() {
            Some(Err(why)) => Some(why),
            _ => None,
        }
    }
}

/// How far apart two values may be and still agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// In the value's unit: days for durations and dates.
    Absolute(f64),
    /// A fraction of the value (`"5%"` is 0.05).
    Relative(f64),
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance::Absolute(0.0)
    }
}

/// The publication days a rule applies to (both ends included).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Window {
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether an article published on `published` is in the window. An
    /// undated article is read by every rule: most real articles carry no
    /// date, and a value such as `50 jours` needs none; the frame's words
    /// must tell the event apart.
    pub fn admits(&self, published: Option<Date>) -> bool {
        let Some(day) = published else { return true };
        self.contains(day)
    }

    /// Whether `day` is in the window.
    pub fn contains(&self, day: Date) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether the days `lo` to `hi` (day numbers, as a date value holds
    /// them) are all in the window: an open end is no day.
    pub fn holds_days(&self, lo: f64, hi: f64) -> bool {
        [lo, hi]
            .iter()
            .all(|x| x.is_finite() && crate::value::date_from_day_number(*x as i32).is_some_and(|d| self.contains(d)))
    }
}

/// A subject, possibly naming capture groups: `strike-{weapon}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    parts: Vec<SubjectPart>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum SubjectPart {
    Text(String),
    Capture(String),
}

impl Subject {
    pub fn parse(template: &str) -> Subject {
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else { break };
            if open > 0 {
                parts.push(SubjectPart::Text(rest[..open].to_string()));
            }
            parts.push(SubjectPart::Capture(rest[open + 1..open + len].to_string()));
            rest = &rest[open + len + 1..];
        }
        if !rest.is_empty() {
            parts.push(SubjectPart::Text(rest.to_string()));
        }
        Subject { parts }
    }

    /// The capture groups the subject names.
    pub fn captures(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            SubjectPart::Capture(c) => Some(c.as_str()),
            SubjectPart::Text(_) => None,
        })
    }

    /// The subject of one match: captures lower-cased, spaces as `-`.
    pub fn render<'a>(&self, capture: impl Fn(&str) -> Option<&'a str>) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                SubjectPart::Text(t) => out.push_str(t),
                SubjectPart::Capture(name) => {
                    let text = capture(name).unwrap_or("");
                    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
                    out.push_str(&words.join("-"));
                }
            }
        }
        out
    }
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for part in &self.parts {
            match part {
                SubjectPart::Text(t) => f.write_str(t)?,
                SubjectPart::Capture(c) => write!(f, "{{{c}}}")?,
            }
        }
        Ok(())
    }
}

/// A rule's examples, checked by `recoupe rules test`.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    pub matches: Vec<MatchExample>,
    pub no_match: Vec<NoMatchExample>,
}

#[derive(Debug, Clone)]
pub struct MatchExample {
    pub text: String,
    pub expected: Expected,
    pub published: Option<Date>,
    /// The language the example is read in.
    pub lang: Lang,
}

#[derive(Debug, Clone)]
pub struct NoMatchExample {
    pub text: String,
    pub published: Option<Date>,
    pub lang: Lang,
}

/// An example's expected value: an interval (dates as day numbers, `None` for
/// unbounded) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Range { lo: Option<f64>, hi: Option<f64> },
    Text(String),
}
