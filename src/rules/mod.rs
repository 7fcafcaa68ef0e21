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
//! YAML node stands); this file holds the compiled types and the rule set.

mod compile;
pub mod diagnostic;
pub mod frame;
pub mod literals;
mod load;
pub mod model;
pub mod pattern;
mod yaml_spans;

use crate::french::Placeholder;
use crate::language::Lang;
use crate::value::Kind;
use jiff::civil::Date;
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::PatternID;
use std::sync::{Arc, OnceLock};

pub use load::{load_dir, load_sources, read_sources, rule_files};
pub use pattern::VALUE_GROUP;
// What `frame` (a child of this module) reaches for while compiling.
use compile::compile_window;
pub(crate) use load::edit_distance;
use load::FileChecker;

/// The most memory one compiled pattern may take. A placeholder-heavy pattern
/// needs well under 2 MiB; the limit stops a runaway repetition (`(a{1000}){1000}`)
/// from exhausting memory at compile time.
pub const REGEX_SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// The lazy DFA's cache for one pattern's locator. The default (2 MiB) is too small for
/// the placeholder expressions: the DFA gives up and the slow PikeVM runs
/// instead (measured: 3.6 s instead of 1.1 s on 1000 generated articles).
/// Per thread and pattern, so it also bounds memory. Smaller caches were
/// measured to thrash (the DFA rebuilds states, then gives up for the PikeVM):
/// 8 MiB cost 60% more CPU time.
pub const DFA_CACHE_LIMIT: usize = 16 * 1024 * 1024;

/// What a compiled regex is for, which decides the engines it is built with.
///
/// Every engine a meta regex holds costs memory in proportion to the NFA, and
/// the placeholders make each pattern's NFA large (≈ 7,500 states): the
/// compiled rules and each thread's caches were most of recoupe's fixed
/// memory. So each regex gets only the engines its searches use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The pattern as written, run with captures in a small window around a
    /// candidate. Its Unicode word boundaries make the lazy DFA give up on
    /// French text, so the DFA (and the reverse NFA it needs) would be
    /// compiled and cached for nothing: the bounded backtracker and the
    /// PikeVM do the work.
    Exact,
    /// The pattern without word boundaries, run over whole articles: the
    /// lazy DFA, forward then reverse for the start. It never needs captures,
    /// nor the backtracker, which would only keep a bit set per thread.
    Locator,
}

/// Builds a case-insensitive regex with the size limits of rule patterns.
///
/// recoupe uses `regex_automata`'s meta regex rather than `regex::Regex`:
/// the same engines, but the search caches are held by the caller, one per
/// thread, where `regex::Regex` shares a pool whose lock made 2 threads
/// slower than 1 (measured).
pub fn build_regex(pattern: &str, role: Role) -> Result<Regex, Box<meta::BuildError>> {
    let config = Regex::config().nfa_size_limit(Some(REGEX_SIZE_LIMIT));
    let config = match role {
        Role::Exact => config.hybrid(false).dfa(false).onepass(false),
        Role::Locator => config
            .hybrid_cache_capacity(DFA_CACHE_LIMIT)
            .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
            .backtrack(false)
            .onepass(false)
            .dfa(false),
    };
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(config)
        .build(pattern)
        .map_err(Box::new)
}

/// The names of a compiled pattern's capture groups.
pub fn group_names(regex: &Regex) -> impl Iterator<Item = &str> {
    regex.group_info().pattern_names(PatternID::ZERO).flatten()
}

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
    pub examples: Examples,
    /// The rule file, as shown to the user, and the 1-based line of the rule.
    pub file: String,
    pub line: usize,
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
        }
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                let regex = build_regex(&self.expanded, Role::Exact).map_err(|e| e.to_string())?;
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
    pub lang: Lang,
}

/// An example's expected value: an interval (dates as day numbers, `None` for
/// unbounded) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Range { lo: Option<f64>, hi: Option<f64> },
    Text(String),
}

/// One thread's search caches for every pattern of a rule set: searches
/// never share mutable state between threads.
#[derive(Debug, Clone)]
pub struct Caches {
    /// `[rule][pattern]`.
    pub patterns: Vec<Vec<PatternCache>>,
    /// The exact patterns' cache, one for all of them.
    pub exact: ExactCache,
    /// One per value finder of the rule set, with its own exact cache: the
    /// finders run on every article, several times each (once per span of
    /// sentences), and a cache shared with the rule patterns would be reset
    /// (its tables cleared) at every switch.
    pub finders: Vec<(PatternCache, ExactCache)>,
}

/// What one pattern keeps from one document to the next: its locator's lazy
/// DFA (states built on one article serve the next) and a place for the
/// exact pattern's captures. Empty until the pattern first runs: making it
/// does not build the pattern's regexes.
#[derive(Debug, Clone, Default)]
pub struct PatternCache {
    pub state: Option<(meta::Cache, regex_automata::util::captures::Captures)>,
}

impl PatternCache {
    pub fn new(_pattern: &Pattern) -> PatternCache {
        PatternCache::default()
    }
}

/// One cache for every exact pattern a thread runs, handed from pattern to
/// pattern. The exact patterns run on the PikeVM and the bounded
/// backtracker, whose tables are sized by the pattern's NFA and learn
/// nothing worth keeping between searches: one per pattern kept 7 MiB per
/// thread for the shipped rules, most of it idle; shared, it is as large as
/// the largest pattern needs. Switching pattern resizes the tables in place
/// (`meta::Cache::reset`).
#[derive(Debug, Clone, Default)]
pub struct ExactCache {
    /// The cache, and the [`Pattern::id`] it is set up for.
    cache: Option<(u64, meta::Cache)>,
}

impl ExactCache {
    /// The cache, set up for the exact regex `regex` of the pattern `id`.
    pub fn for_pattern(&mut self, id: u64, regex: &Regex) -> &mut meta::Cache {
        let (at, cache) = self.cache.get_or_insert_with(|| (id, regex.create_cache()));
        if *at != id {
            cache.reset(regex);
            *at = id;
        }
        cache
    }
}

/// All rules of a run, compiled once, and the prefilter over their patterns.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    prefilter: Prefilter,
    /// One value finder per placeholder that a frame reads (`{count}`,
    /// `{duration}`, `{date}`): the normaliser's grammar, run once per
    /// article for all frames.
    pub finders: Vec<Pattern>,
}

/// The value finder of `placeholder`, compiled once per process: rule sets,
/// `rules test` and `rules explain` share it (its regexes are large, and a
/// compiled regex is shared, not copied, by a clone).
pub fn value_finder(placeholder: Placeholder, lang: Lang) -> Pattern {
    const SLOTS: usize = Placeholder::ALL.len() * Lang::ALL.len();
    static FINDERS: [std::sync::OnceLock<Pattern>; SLOTS] = [const { std::sync::OnceLock::new() }; SLOTS];
    let p = Placeholder::ALL.iter().position(|p| *p == placeholder).unwrap_or(0);
    let l = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    FINDERS[p * Lang::ALL.len() + l]
        .get_or_init(|| compile_value_finder(placeholder, lang))
        .clone()
}

/// A pattern that finds every value of one placeholder in one language: the
/// placeholder's own expression, compiled like a rule pattern (exact regex
/// and locator).
fn compile_value_finder(placeholder: Placeholder, lang: Lang) -> Pattern {
    let source = format!("{{{}}}", placeholder.name());
    let expansion = pattern::expand_in(&source, lang).expect("a lone placeholder always expands");
    let finder = Pattern::new(
        source,
        expansion.regex,
        expansion.skeleton,
        expansion.locator,
        Some(placeholder),
        lang,
    );
    assert!(finder.regex().is_some(), "placeholder regexes compile");
    finder
}

/// Which patterns can match an article, from the words they require (see
/// [`literals`]): one Aho-Corasick pass over the text.
#[derive(Debug, Clone)]
struct Prefilter {
    automaton: aho_corasick::AhoCorasick,
    /// The words the automaton searches, by pattern id.
    words: Vec<String>,
    /// For each word of `words`, the patterns (indices into `owners`) that
    /// require it or another word of their set.
    wanted_by: Vec<Vec<usize>>,
    /// Patterns without required words: candidates in every article.
    always: Vec<usize>,
    /// `(rule, pattern)` of each pattern, in rule order.
    owners: Vec<(usize, usize)>,
}

impl RuleSet {
    /// Fails only when the prefilter's automaton would be too large (tens of
    /// thousands of rules).
    pub fn new(mut rules: Vec<Rule>) -> Result<RuleSet, aho_corasick::BuildError> {
        frame::Lexicon::build(rules.iter_mut().filter_map(|r| r.frame.as_mut()))?;
        let mut owners = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut wanted_by: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            for (p, pattern) in rule.patterns.iter().enumerate() {
                let owner = owners.len();
                owners.push((r, p));
                match literals::required_literals(&pattern.skeleton) {
                    None => always.push(owner),
                    Some(set) => {
                        for word in set {
                            let at = match words.iter().position(|w| *w == word) {
                                Some(at) => at,
                                None => {
                                    words.push(word);
                                    wanted_by.push(Vec::new());
                                    words.len() - 1
                                }
                            };
                            wanted_by[at].push(owner);
                        }
                    }
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&words)?;
        // One value finder per placeholder and language that some frame reads.
        let mut placeholders: Vec<(Placeholder, Lang)> = rules
            .iter()
            .filter_map(|r| r.frame.as_ref())
            .flat_map(|f| f.langs.iter().map(|&l| (f.placeholder, l)))
            .collect();
        placeholders.sort();
        placeholders.dedup();
        Ok(RuleSet {
            finders: placeholders.into_iter().map(|(p, l)| value_finder(p, l)).collect(),
            rules,
            prefilter: Prefilter {
                automaton,
                words,
                wanted_by,
                always,
                owners,
            },
        })
    }

    /// The `(rule, pattern)` pairs whose required words occur in `text`, in
    /// rule order: one pass over the text decides which patterns are worth
    /// running.
    pub fn candidates(&self, text: &str) -> Vec<(usize, usize)> {
        let prefilter = &self.prefilter;
        let mut wanted = vec![false; prefilter.owners.len()];
        for owner in &prefilter.always {
            wanted[*owner] = true;
        }
        let mut left = wanted.iter().filter(|w| !**w).count();
        for found in prefilter.automaton.find_overlapping_iter(text) {
            if left == 0 {
                break;
            }
            for owner in &prefilter.wanted_by[found.pattern().as_usize()] {
                if !wanted[*owner] {
                    wanted[*owner] = true;
                    left -= 1;
                }
            }
        }
        prefilter
            .owners
            .iter()
            .zip(wanted)
            .filter_map(|(owner, wanted)| wanted.then_some(*owner))
            .collect()
    }

    /// The words each pattern requires, as the prefilter searches them
    /// (`None`: the pattern runs on every article). For `rules explain`.
    pub fn required_words(&self, rule: usize, pattern: usize) -> Option<Vec<&str>> {
        let prefilter = &self.prefilter;
        let owner = prefilter.owners.iter().position(|o| *o == (rule, pattern))?;
        if prefilter.always.contains(&owner) {
            return None;
        }
        let mut words: Vec<&str> = Vec::new();
        for (word, owners) in prefilter.wanted_by.iter().enumerate() {
            if owners.contains(&owner) {
                words.push(prefilter.words[word].as_str());
            }
        }
        Some(words)
    }

    /// Search caches for one thread.
    pub fn caches(&self) -> Caches {
        Caches {
            patterns: self
                .rules
                .iter()
                .map(|r| r.patterns.iter().map(PatternCache::new).collect())
                .collect(),
            exact: ExactCache::default(),
            finders: self
                .finders
                .iter()
                .map(|f| (PatternCache::new(f), ExactCache::default()))
                .collect(),
        }
    }

    /// The value finder of `placeholder` in `lang`, by its index among the
    /// finders.
    pub fn finder(&self, placeholder: Placeholder, lang: Lang) -> Option<usize> {
        self.finders
            .iter()
            .position(|f| f.placeholder == Some(placeholder) && f.lang == lang)
    }

    /// A warning for each pattern whose regexes could not be built when an
    /// article needed them: it read nothing, and the run says so.
    pub fn failures(&self) -> Vec<crate::corpus::Warning> {
        self.rules
            .iter()
            .enumerate()
            .flat_map(|(r, rule)| (0..rule.patterns.len()).map(move |p| (r, p)))
            .filter_map(|(r, p)| self.failure_warning(r, p))
            .collect()
    }

    /// The warning of pattern `pattern` of rule `rule` (indices), when its
    /// regexes could not be built.
    pub fn failure_warning(&self, rule: usize, pattern: usize) -> Option<crate::corpus::Warning> {
        let r = self.rules.get(rule)?;
        let p = r.patterns.get(pattern)?;
        let why = p.failure()?;
        Some(crate::corpus::Warning {
            path: r.file.clone(),
            line: Some(r.line),
            message: format!(
                "rule `{}`: pattern `{}` was not run: {why} (reduce counted repetitions around its placeholder)",
                r.id, p.source
            ),
        })
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
