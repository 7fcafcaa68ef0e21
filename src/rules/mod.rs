//! The rules stage: YAML rule files → checked, compiled rules.
//!
//! Like ast-grep, a serialisable model ([`model`]) is what editors write, and a
//! compiled [`Rule`] is what runs. Every problem is collected (not only the
//! first) and pointed at the file, line and column it comes from, with a hint
//! to fix it. Rules are compiled once per run; the [`RuleSet`] also carries the
//! prefilter that tells which patterns can match a document at all.

pub mod diagnostic;
pub mod frame;
pub mod literals;
pub mod model;
pub mod pattern;
mod yaml_spans;

use crate::french::Placeholder;
use crate::value::{day_number, Kind};
use diagnostic::{RuleDiagnostic, RuleErrors};
use jiff::civil::Date;
use model::{RuleSpec, ToleranceSpec};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::PatternID;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use yaml_spans::{scalar_offset, Located, Node, Step};

pub use pattern::VALUE_GROUP;

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
    pub window: Window,
    pub examples: Examples,
    /// The rule file, as shown to the user, and the 1-based line of the rule.
    pub file: String,
    pub line: usize,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Unique to this compiled pattern in the process (its clones share it,
    /// and its regexes): what an [`ExactCache`] is set up for.
    pub id: u64,
    /// As the editor wrote it.
    pub source: String,
    /// Placeholders expanded: what runs (case-insensitively).
    pub expanded: String,
    pub regex: Regex,
    /// A superset of `expanded` that is cheap to compile: the prefilter's part.
    pub skeleton: String,
    /// `expanded` without word boundaries: finds candidate matches fast (see
    /// `extract`), which `regex` then confirms in a small window.
    pub locator: Regex,
    /// The value placeholder, `None` for text rules (which capture `value`).
    pub placeholder: Option<Placeholder>,
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
    pub no_match: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct MatchExample {
    pub text: String,
    pub expected: Expected,
    pub published: Option<Date>,
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
/// exact pattern's captures.
#[derive(Debug, Clone)]
pub struct PatternCache {
    pub locator: meta::Cache,
    pub captures: regex_automata::util::captures::Captures,
}

impl PatternCache {
    pub fn new(pattern: &Pattern) -> PatternCache {
        PatternCache {
            locator: pattern.locator.create_cache(),
            captures: pattern.regex.create_captures(),
        }
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
    /// The cache, set up for `pattern`'s exact regex.
    pub fn for_pattern(&mut self, pattern: &Pattern) -> &mut meta::Cache {
        let (id, cache) = self
            .cache
            .get_or_insert_with(|| (pattern.id, pattern.regex.create_cache()));
        if *id != pattern.id {
            cache.reset(&pattern.regex);
            *id = pattern.id;
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
pub fn value_finder(placeholder: Placeholder) -> Pattern {
    static FINDERS: [std::sync::OnceLock<Pattern>; 5] = [const { std::sync::OnceLock::new() }; 5];
    let at = Placeholder::ALL.iter().position(|p| *p == placeholder).unwrap_or(0);
    FINDERS[at].get_or_init(|| compile_value_finder(placeholder)).clone()
}

/// A pattern that finds every value of one placeholder: the placeholder's
/// own expression, compiled like a rule pattern (exact regex and locator).
fn compile_value_finder(placeholder: Placeholder) -> Pattern {
    let source = format!("{{{}}}", placeholder.name());
    let expansion = pattern::expand(&source).expect("a lone placeholder always expands");
    let regex = build_regex(&expansion.regex, Role::Exact).expect("placeholder regexes compile");
    let locator = build_regex(&expansion.locator, Role::Locator).expect("placeholder locators compile");
    static NEXT_FINDER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(u64::MAX / 2);
    Pattern {
        id: NEXT_FINDER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        source,
        expanded: expansion.regex,
        skeleton: expansion.skeleton,
        locator,
        regex,
        placeholder: Some(placeholder),
    }
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
        let mut placeholders: Vec<Placeholder> = rules
            .iter()
            .filter_map(|r| r.frame.as_ref().map(|f| f.placeholder))
            .collect();
        placeholders.sort();
        placeholders.dedup();
        Ok(RuleSet {
            finders: placeholders.into_iter().map(value_finder).collect(),
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

    /// The value finder of `placeholder`, and its index among the finders.
    pub fn finder(&self, placeholder: Placeholder) -> Option<usize> {
        self.finders.iter().position(|f| f.placeholder == Some(placeholder))
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// The rule files of a folder: `*.yaml` and `*.yml`, sorted, not recursive.
pub fn rule_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        // A `*.yaml` that is not a file (a broken or looping link, a
        // folder) is kept: reading it gives the error, rather than the rule
        // file being skipped without a word.
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml") && !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// Loads, checks and compiles every rule file of `dir`.
pub fn load_dir(dir: &Path) -> Result<RuleSet, RuleErrors> {
    let shown = crate::corpus::display_path(dir);
    let files = rule_files(dir).map_err(|e| {
        single_error(
            "unreadable",
            &shown,
            format!("cannot read the rules folder: {e}"),
            "check the path given to --rules",
        )
    })?;
    if files.is_empty() {
        return Err(single_error(
            "unreadable",
            &shown,
            "no rule files (*.yaml) in this folder".into(),
            "point --rules at a folder of rule files, such as the shipped rules/",
        ));
    }
    let mut sources = Vec::new();
    for file in &files {
        let name = crate::corpus::display_path(file);
        match std::fs::read_to_string(file) {
            Ok(text) => sources.push((name, text)),
            Err(e) => {
                let help = match e.kind() {
                    std::io::ErrorKind::InvalidData => "rule files must be UTF-8 text",
                    std::io::ErrorKind::NotFound => "a link that points nowhere: fix or remove it",
                    std::io::ErrorKind::PermissionDenied => "give the user running recoupe read access to the file",
                    _ if std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink()) => {
                        "a link that cannot be followed (a loop?): fix or remove it"
                    }
                    _ => "check that the file can be read",
                };
                return Err(single_error(
                    "unreadable",
                    &name,
                    format!("cannot read this rule file: {e}"),
                    help,
                ));
            }
        }
    }
    load_sources(sources)
}

/// Checks and compiles rule files given as `(shown name, text)`.
pub fn load_sources(sources: Vec<(String, String)>) -> Result<RuleSet, RuleErrors> {
    let mut rules = Vec::new();
    let mut sites = Vec::new();
    let mut errors = RuleErrors::default();
    for (name, text) in sources {
        let (mut file_rules, mut file_sites, mut problems) = parse_file(&name, Arc::new(text));
        rules.append(&mut file_rules);
        sites.append(&mut file_sites);
        errors.diagnostics.append(&mut problems);
    }
    check_unique_ids(&sites, &mut errors);
    check_subject_kinds(&rules, &sites, &mut errors);
    if !errors.diagnostics.is_empty() {
        return Err(errors);
    }
    RuleSet::new(rules).map_err(|e| {
        single_error(
            "patterns-too-large",
            "rules",
            format!("the patterns together are too large to compile: {e}"),
            "split or simplify the largest patterns",
        )
    })
}

fn single_error(code: &'static str, file: &str, message: String, help: &str) -> RuleErrors {
    RuleErrors {
        diagnostics: vec![RuleDiagnostic {
            code,
            message,
            file: file.to_string(),
            source: Arc::new(String::new()),
            offset: 0,
            len: 0,
            label: "here".into(),
            help: Some(help.to_string()),
        }],
    }
}

/// Where a rule id is written, for the duplicate check: taken from the YAML
/// itself, so that a rule with other errors still counts.
struct IdSite {
    id: String,
    file: String,
    source: Arc<String>,
    offset: usize,
}

fn check_unique_ids(sites: &[IdSite], errors: &mut RuleErrors) {
    for (i, site) in sites.iter().enumerate() {
        if let Some(first) = sites[..i].iter().find(|s| s.id == site.id) {
            let (line, _) = crate::corpus::line_column(&first.source, first.offset);
            errors.diagnostics.push(RuleDiagnostic {
                code: "duplicate-id",
                message: format!("rule id `{}` is used twice", site.id),
                file: site.file.clone(),
                source: site.source.clone(),
                offset: site.offset,
                len: site.id.len().max(1),
                label: "second use".into(),
                help: Some(format!(
                    "ids must be unique across all rule files; `{}` is first defined in {}:{}. Rename one of them",
                    site.id, first.file, line
                )),
            });
        }
    }
}

/// Where a problem is and what to say about it, while one file is checked.
struct FileChecker<'a> {
    file: &'a str,
    source: Arc<String>,
    tree: Option<Located>,
    problems: Vec<RuleDiagnostic>,
}

impl FileChecker<'_> {
    fn node(&self, path: &[Step]) -> Option<&Located> {
        self.tree.as_ref().and_then(|t| t.find(path))
    }

    /// Where the node at `path` starts, or the nearest node that exists.
    fn offset(&self, path: &[Step]) -> usize {
        self.tree.as_ref().map_or(0, |t| t.nearest(path).offset)
    }

    /// Length of the token at `offset`: to the end of its line, at most.
    fn token_len(&self, offset: usize) -> usize {
        let rest = self.source.get(offset..).unwrap_or("");
        rest.find('\n').map_or(rest.len(), |i| i).max(1).min(rest.len())
    }

    fn report(&mut self, code: &'static str, offset: usize, len: usize, message: String, label: &str, help: String) {
        self.problems.push(RuleDiagnostic {
            code,
            message,
            file: self.file.to_string(),
            source: self.source.clone(),
            offset,
            len,
            label: label.to_string(),
            help: Some(help),
        });
    }

    fn report_at(&mut self, code: &'static str, path: &[Step], message: String, label: &str, help: String) {
        let offset = self.offset(path);
        let len = self.token_len(offset);
        self.report(code, offset, len, message, label, help);
    }

    /// Reports the keys of the map at `path` that are not in `known`.
    fn unknown_keys(&mut self, path: &[Step], known: &[&str], what: &str) -> bool {
        let Some(entries) = self.node(path).and_then(Located::as_map) else {
            return false;
        };
        let unknown: Vec<(String, usize)> = entries
            .iter()
            .filter(|(k, _, _)| !known.contains(&k.as_str()))
            .map(|(k, o, _)| (k.clone(), *o))
            .collect();
        for (key, offset) in &unknown {
            let hint = match closest(key, known) {
                Some(near) => format!("did you mean `{near}`? {what} may have: {}", known.join(", ")),
                None => format!("{what} may have: {}", known.join(", ")),
            };
            self.report(
                "unknown-key",
                *offset,
                key.len().max(1),
                format!("unknown key `{key}` in {what}"),
                "not a known key",
                hint,
            );
        }
        !unknown.is_empty()
    }
}

/// Rules that share a subject are compared with each other, so they must read
/// the same kind of value.
fn check_subject_kinds(rules: &[Rule], sites: &[IdSite], errors: &mut RuleErrors) {
    for (i, rule) in rules.iter().enumerate() {
        let subject = rule.subject.to_string();
        if let Some(other) = rules[..i]
            .iter()
            .find(|r| r.subject.to_string() == subject && r.kind != rule.kind)
        {
            // Point at the rule's id, where the editor will look.
            let site = sites.iter().find(|s| s.id == rule.id && s.file == rule.file);
            errors.diagnostics.push(RuleDiagnostic {
                code: "subject-kind",
                message: format!("subject `{subject}` is read as a {} here and as a {} by rule `{}`", rule.kind, other.kind, other.id),
                file: rule.file.clone(),
                source: site.map_or_else(|| Arc::new(String::new()), |s| s.source.clone()),
                offset: site.map_or(0, |s| s.offset),
                len: rule.id.len(),
                label: "this rule".into(),
                help: Some(format!("claims of one subject are compared with each other: give rule `{}` its own subject, or the same kind as `{}` ({}:{})", rule.id, other.id, other.file, other.line)),
            });
        }
    }
}

/// Flow collections (`[`, `{`) nested deeper than this are refused.
const MAX_FLOW_DEPTH: usize = 64;

/// The byte offset where brackets first nest deeper than `limit`.
fn deep_offset(text: &str, limit: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' | '{' => {
                depth += 1;
                if depth > limit {
                    return i;
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    0
}

/// Parses one rule file; returns its rules, where their ids stand, and its
/// problems.
fn parse_file(file: &str, source: Arc<String>) -> (Vec<Rule>, Vec<IdSite>, Vec<RuleDiagnostic>) {
    // The YAML scanners are quadratic in nested flow collections (a 200 KB
    // rule file of `[` took 37 s): refuse the depth before parsing.
    if crate::corpus::flow_depth(&source) > MAX_FLOW_DEPTH {
        let mut checker = FileChecker {
            file,
            source: source.clone(),
            tree: None,
            problems: Vec::new(),
        };
        let offset = deep_offset(&source, MAX_FLOW_DEPTH);
        checker.report(
            "yaml-too-deep",
            offset,
            1,
            format!("brackets nest more than {MAX_FLOW_DEPTH} deep here: not a rule file recoupe reads"),
            "too deep",
            "write lists and maps with indentation, or nest fewer `[` and `{`".into(),
        );
        return (Vec::new(), Vec::new(), checker.problems);
    }
    let mut checker = FileChecker {
        file,
        source: source.clone(),
        tree: Located::parse(&source),
        problems: Vec::new(),
    };
    let document: serde_yaml::Value = match serde_yaml::from_str(&source) {
        Ok(v) => v,
        Err(e) => {
            // An error at the very end points at the last character, so that
            // the snippet can draw its label.
            let mut offset = e
                .location()
                .map_or(0, |l| offset_of(&source, l.line(), l.column()))
                .min(source.len().saturating_sub(1));
            while offset > 0 && !source.is_char_boundary(offset) {
                offset -= 1;
            }
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            checker.report(
                "yaml-syntax",
                offset,
                1,
                format!("not valid YAML: {message}"),
                "here",
                "check indentation and quoting; quote patterns that start with `{`, `[`, `*` or contain `: `".into(),
            );
            return (Vec::new(), Vec::new(), checker.problems);
        }
    };
    let Some(items) = document.get("rules").and_then(|r| r.as_sequence()) else {
        checker.report_at(
            "missing-rules",
            &[],
            "a rule file must have a top-level `rules:` list".into(),
            "expected `rules:`",
            "start the file with `rules:` and list the rules below it, each starting with `- id:`".into(),
        );
        return (Vec::new(), Vec::new(), checker.problems);
    };
    checker.unknown_keys(&[], &["rules"], "a rule file");
    let mut rules = Vec::new();
    let mut sites = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = vec![Step::Key("rules".into()), Step::Index(index)];
        if let Some(id) = item.get("id").and_then(|v| v.as_str()) {
            sites.push(IdSite {
                id: id.to_string(),
                file: file.to_string(),
                source: source.clone(),
                offset: checker.offset(&[path.clone(), vec![Step::Key("id".into())]].concat()),
            });
        }
        if let Some(rule) = parse_rule(&mut checker, &path, item) {
            rules.push(rule);
        }
    }
    (rules, sites, checker.problems)
}

fn parse_rule(checker: &mut FileChecker, path: &[Step], item: &serde_yaml::Value) -> Option<Rule> {
    let at = |more: &[Step]| [path, more].concat();
    let key = |k: &str| Step::Key(k.to_string());
    let mut bad = checker.unknown_keys(path, model::RULE_FIELDS, "a rule");
    bad |= checker.unknown_keys(&at(&[key("examples")]), model::EXAMPLES_FIELDS, "`examples`");
    bad |= checker.unknown_keys(&at(&[key("published")]), model::WINDOW_FIELDS, "`published`");
    bad |= checker.unknown_keys(&at(&[key("when")]), model::WINDOW_FIELDS, "`when`");
    bad |= checker.unknown_keys(&at(&[key("not")]), model::EXCLUDE_FIELDS, "`not`");
    for near in [vec![key("near")], vec![key("not"), key("near")]] {
        let near_path = at(&near);
        match checker.node(&near_path).map(|n| &n.node) {
            Some(Node::Seq(items)) => {
                for i in 0..items.len() {
                    bad |= checker.unknown_keys(
                        &[near_path.clone(), vec![Step::Index(i)]].concat(),
                        model::NEAR_FIELDS,
                        "a `near` entry",
                    );
                }
            }
            _ => bad |= checker.unknown_keys(&near_path, model::NEAR_FIELDS, "a `near` entry"),
        }
    }
    let match_count = item
        .get("examples")
        .and_then(|e| e.get("match"))
        .and_then(|m| m.as_sequence())
        .map_or(0, Vec::len);
    for j in 0..match_count {
        bad |= checker.unknown_keys(
            &at(&[key("examples"), key("match"), Step::Index(j)]),
            model::MATCH_EXAMPLE_FIELDS,
            "a match example",
        );
    }
    let spec: RuleSpec = match serde_path_to_error::deserialize(item.clone()) {
        Ok(spec) => spec,
        Err(e) => {
            let message = e.inner().to_string();
            // Unknown keys were reported above, each at its own place.
            if !(bad && message.starts_with("unknown field")) {
                let mut steps = path.to_vec();
                for segment in e.path().iter() {
                    match segment {
                        serde_path_to_error::Segment::Seq { index } => steps.push(Step::Index(*index)),
                        serde_path_to_error::Segment::Map { key } => steps.push(Step::Key(key.clone())),
                        _ => {}
                    }
                }
                let help = if message.starts_with("missing field") {
                    format!(
                        "every rule needs {}",
                        [
                            "id",
                            "description",
                            "subject",
                            "kind",
                            "and `patterns` or a frame (`unit`, `near`, `sentence`…)"
                        ]
                        .join(", ")
                    )
                } else if message.contains("variant") {
                    "`kind` is one of number, duration, date, text".to_string()
                } else {
                    "see docs/rules.md for the type of each field".to_string()
                };
                let shown_path = e.path().to_string();
                checker.report_at(
                    "invalid-field",
                    &steps,
                    format!("{message} (at `{shown_path}`)"),
                    "here",
                    help,
                );
            }
            check_raw_patterns(checker, path, item);
            return None;
        }
    };
    if bad {
        check_raw_patterns(checker, path, item);
        return None;
    }
    compile_rule(checker, path, spec)
}

fn compile_rule(checker: &mut FileChecker, path: &[Step], spec: RuleSpec) -> Option<Rule> {
    let at = |more: &[Step]| [path, more].concat();
    let key = |k: &str| Step::Key(k.to_string());
    let before = checker.problems.len();
    if spec.id.trim().is_empty() || spec.id.chars().any(char::is_whitespace) {
        checker.report_at(
            "invalid-id",
            &at(&[key("id")]),
            format!("rule id `{}` must be one word", spec.id),
            "here",
            "use lower-case words joined by `-`, e.g. `trump-deadline-days`".into(),
        );
    }
    let frame = if frame::has_frame(&spec) {
        frame::compile(checker, path, &spec)
    } else {
        None
    };
    if spec.patterns.is_empty() && !frame::has_frame(&spec) {
        checker.report_at(
            "no-patterns",
            &at(&[key("patterns")]),
            "a rule needs a frame or at least one pattern".into(),
            "empty",
            "describe the fact with a frame (`unit: [jour]`, `near: {within: 6, words: [délai, ultimatum]}`), or add a pattern such as `délai de {duration} à la Russie`".into(),
        );
    }
    let subject = Subject::parse(&spec.subject);
    let mut patterns = Vec::new();
    for (i, source) in spec.patterns.iter().enumerate() {
        let pattern_path = at(&[key("patterns"), Step::Index(i)]);
        if let Some(p) = compile_pattern(checker, &pattern_path, source, spec.kind, &subject) {
            patterns.push(p);
        }
    }
    let tolerance = match &spec.tolerance {
        None => Tolerance::default(),
        Some(ToleranceSpec::Absolute(x)) if *x >= 0.0 && x.is_finite() => Tolerance::Absolute(*x),
        Some(ToleranceSpec::Relative(s)) => match parse_percent(s) {
            Some(f) if spec.kind == Kind::Number || spec.kind == Kind::Duration => Tolerance::Relative(f),
            Some(_) => {
                checker.report_at(
                    "invalid-tolerance",
                    &at(&[key("tolerance")]),
                    format!("a percentage tolerance makes no sense for a {} rule", spec.kind),
                    "here",
                    "write the tolerance in days, e.g. `tolerance: 1`".into(),
                );
                Tolerance::default()
            }
            None => {
                checker.report_at(
                    "invalid-tolerance",
                    &at(&[key("tolerance")]),
                    format!("tolerance `{s}` is neither a number nor a percentage"),
                    "here",
                    "write `tolerance: 2` (in the value's unit) or `tolerance: \"5%\"`".into(),
                );
                Tolerance::default()
            }
        },
        Some(ToleranceSpec::Absolute(x)) => {
            checker.report_at(
                "invalid-tolerance",
                &at(&[key("tolerance")]),
                format!("tolerance {x} must be zero or more"),
                "here",
                "write a non-negative number".into(),
            );
            Tolerance::default()
        }
    };
    let window = match &spec.published {
        Some(w) => compile_window(checker, &at(&[key("published")]), w),
        None => Window::default(),
    };
    let mut examples = Examples {
        no_match: spec.examples.no_match.clone(),
        ..Default::default()
    };
    for (j, example) in spec.examples.matches.iter().enumerate() {
        let example_path = at(&[key("examples"), key("match"), Step::Index(j)]);
        let published = match &example.published {
            None => None,
            Some(text) => match crate::corpus::parse_iso_date(text.trim()) {
                Some(d) => Some(d),
                None => {
                    checker.report_at(
                        "invalid-date",
                        &[example_path.clone(), vec![key("published")]].concat(),
                        format!("`{text}` is not a date"),
                        "here",
                        "write dates as YYYY-MM-DD".into(),
                    );
                    None
                }
            },
        };
        match parse_expected(spec.kind, &example.value) {
            Ok(expected) => examples.matches.push(MatchExample {
                text: example.text.clone(),
                expected,
                published,
            }),
            Err(help) => checker.report_at(
                "invalid-example",
                &[example_path, vec![key("value")]].concat(),
                format!("this example value does not fit a {} rule", spec.kind),
                "here",
                help,
            ),
        }
    }
    if checker.problems.len() > before {
        return None;
    }
    let line = crate::corpus::line_column(&checker.source, checker.offset(path)).0;
    Some(Rule {
        id: spec.id,
        description: spec.description.trim().to_string(),
        subject,
        kind: spec.kind,
        patterns,
        frame,
        tolerance,
        window,
        examples,
        file: checker.file.to_string(),
        line,
    })
}

/// Checks a window of days (`published`, `when`).
fn compile_window(checker: &mut FileChecker, path: &[Step], w: &model::WindowSpec) -> Window {
    let mut window = Window::default();
    for (name, text, slot) in [("from", &w.from, &mut window.from), ("to", &w.to, &mut window.to)] {
        if let Some(text) = text {
            match crate::corpus::parse_iso_date(text.trim()) {
                Some(d) => *slot = Some(d),
                None => checker.report_at(
                    "invalid-date",
                    &[path, &[Step::Key(name.into())]].concat(),
                    format!("`{text}` is not a date"),
                    "here",
                    "write dates as YYYY-MM-DD, e.g. 2025-07-20".into(),
                ),
            }
        }
    }
    if let (Some(from), Some(to)) = (window.from, window.to) {
        if from > to {
            checker.report_at(
                "empty-window",
                path,
                format!("the window from {from} to {to} is empty: the rule would read nothing"),
                "from is after to",
                "swap `from` and `to`".into(),
            );
        }
    }
    window
}

/// The syntax checks of a rule's patterns, for a rule whose other fields are
/// broken: the editor still learns of every bad pattern in one run.
fn check_raw_patterns(checker: &mut FileChecker, path: &[Step], item: &serde_yaml::Value) {
    let Some(patterns) = item.get("patterns").and_then(|p| p.as_sequence()) else {
        return;
    };
    for (i, pattern) in patterns.iter().enumerate() {
        if let Some(text) = pattern.as_str() {
            let pattern_path = [path, &[Step::Key("patterns".into()), Step::Index(i)]].concat();
            compile_regex(checker, &pattern_path, text);
        }
    }
}

/// Where byte `i` of the pattern at `path` stands in the file.
fn pattern_locator(checker: &FileChecker, path: &[Step]) -> impl Fn(&FileChecker, usize) -> usize {
    let (base, style) = match checker.node(path) {
        Some(Located {
            offset,
            node: Node::Scalar(_, style),
        }) => (*offset, Some(*style)),
        _ => (checker.offset(path), None),
    };
    move |checker: &FileChecker, i: usize| -> usize {
        match style {
            Some(style) => base + scalar_offset(checker.source.get(base..).unwrap_or(""), style, i),
            None => base,
        }
    }
}

/// Expands and compiles one pattern, reporting syntax problems.
fn compile_regex(checker: &mut FileChecker, path: &[Step], source: &str) -> Option<(pattern::Expansion, Regex, Regex)> {
    let locate = pattern_locator(checker, path);
    let expansion = match pattern::expand(source) {
        Ok(e) => e,
        Err(e) => {
            let offset = locate(checker, e.offset);
            let end = locate(checker, e.offset + e.len);
            checker.report(
                "invalid-pattern",
                offset,
                end.saturating_sub(offset).max(1),
                e.message,
                "here",
                e.help,
            );
            return None;
        }
    };
    if let [_, (p, at), ..] = expansion.placeholders.as_slice() {
        // Each value placeholder is the group `value`: two cannot compile, and
        // a claim has one value anyway.
        let offset = locate(checker, *at);
        checker.report(
            "two-values",
            offset,
            p.name().len() + 2,
            "a pattern may hold only one value placeholder".into(),
            "second value",
            "write one rule per value (each claim has one value); use `{gap}` or plain words for context".into(),
        );
        return None;
    }
    // The exact pattern runs only in small windows, mostly on the slow engines
    // (its word boundaries): a small DFA cache is enough.
    let regex = match build_regex(&expansion.regex, Role::Exact) {
        Ok(r) => r,
        Err(e) if e.size_limit().is_some() => {
            let limit = e.size_limit().unwrap_or(REGEX_SIZE_LIMIT);
            let offset = locate(checker, 0);
            checker.report(
                "pattern-too-large",
                offset,
                source.len().max(1),
                format!("this pattern compiles to more than {} MiB", limit / (1024 * 1024)),
                "too large",
                "reduce counted repetitions such as `{1000}` or `.{0,5000}`".into(),
            );
            return None;
        }
        Err(e) => {
            let (at, message) = syntax_error(&expansion.regex, &e);
            let i = expansion.source_offset(at);
            let offset = locate(checker, i);
            checker.report(
                "invalid-regex",
                offset,
                1,
                format!("invalid regular expression: {message}"),
                "here",
                "check brackets and escapes: write `\\(` for a literal parenthesis, and close every `(`".into(),
            );
            return None;
        }
    };
    // The locator is a superset of a valid regex: it compiles if `regex` did,
    // unless it hits the size limit, which the full pattern would also be near.
    let locator = match build_regex(&expansion.locator, Role::Locator) {
        Ok(l) => l,
        Err(e) => {
            let offset = locate(checker, 0);
            checker.report(
                "pattern-too-large",
                offset,
                source.len().max(1),
                format!("this pattern is too large to search fast: {e}"),
                "too large",
                "reduce counted repetitions such as `{1000}` or `.{0,5000}`".into(),
            );
            return None;
        }
    };
    Some((expansion, regex, locator))
}

fn compile_pattern(
    checker: &mut FileChecker,
    path: &[Step],
    source: &str,
    kind: Kind,
    subject: &Subject,
) -> Option<Pattern> {
    let (expansion, regex, locator) = compile_regex(checker, path, source)?;
    let locate = pattern_locator(checker, path);
    let placeholder = match (kind, expansion.placeholders.as_slice()) {
        (Kind::Text, []) => None,
        (Kind::Text, [(p, at), ..]) => {
            let offset = locate(checker, *at);
            checker.report(
                "placeholder-kind",
                offset,
                p.name().len() + 2,
                format!("a text rule cannot use `{{{}}}`", p.name()),
                "not a text placeholder",
                "capture the words with a named group instead: `(?P<value>...)`, or change the rule's kind".into(),
            );
            return None;
        }
        (_, []) => {
            let offset = locate(checker, 0);
            checker.report(
                "no-value",
                offset,
                source.len().max(1),
                format!("this pattern has no value placeholder for a {kind} rule"),
                "no placeholder",
                format!("mark where the value is with {}", placeholders_for(kind)),
            );
            return None;
        }
        (_, [(p, at)]) if p.kind() != kind => {
            let offset = locate(checker, *at);
            checker.report(
                "placeholder-kind",
                offset,
                p.name().len() + 2,
                format!("`{{{}}}` reads a {}, but the rule's kind is {kind}", p.name(), p.kind()),
                "wrong kind",
                format!("use {} or change `kind`", placeholders_for(kind)),
            );
            return None;
        }
        (_, [(p, _)]) => Some(*p),
        // More than one value: reported by `compile_regex`.
        (_, _) => None,
    };
    if kind == Kind::Text && !group_names(&regex).any(|n| n == VALUE_GROUP) {
        let offset = locate(checker, 0);
        checker.report(
            "no-value",
            offset,
            source.len().max(1),
            "a text rule's pattern must capture its value".into(),
            "no `value` group",
            "wrap the words to compare in `(?P<value>...)`".into(),
        );
        return None;
    }
    for name in subject.captures() {
        if !group_names(&regex).any(|n| n == name) {
            let offset = locate(checker, 0);
            checker.report(
                "subject-capture",
                offset,
                source.len().max(1),
                format!("the subject names `{{{name}}}` but this pattern has no group `{name}`"),
                "missing group",
                format!("add `(?P<{name}>...)` to the pattern, or remove `{{{name}}}` from the subject"),
            );
            return None;
        }
    }
    static NEXT_PATTERN_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    Some(Pattern {
        id: NEXT_PATTERN_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        source: source.to_string(),
        expanded: expansion.regex,
        skeleton: expansion.skeleton,
        locator,
        regex,
        placeholder,
    })
}

fn placeholders_for(kind: Kind) -> String {
    Placeholder::ALL
        .iter()
        .filter(|p| p.kind() == kind)
        .map(|p| format!("`{{{}}}`", p.name()))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The offset in `regex` where its syntax error is, and a one-line message.
fn syntax_error(regex: &str, error: &meta::BuildError) -> (usize, String) {
    match regex_syntax::ast::parse::Parser::new().parse(regex) {
        Err(e) => (e.span().start.offset, e.kind().to_string()),
        Ok(_) => match regex_syntax::Parser::new().parse(regex) {
            Err(regex_syntax::Error::Translate(e)) => (e.span().start.offset, e.kind().to_string()),
            _ => (0, error.to_string().lines().last().unwrap_or("").trim().to_string()),
        },
    }
}

fn parse_percent(text: &str) -> Option<f64> {
    let number = text.trim().strip_suffix('%')?.trim().replace(',', ".");
    let f: f64 = number.parse().ok()?;
    (f >= 0.0 && f.is_finite()).then_some(f / 100.0)
}

/// Reads an example value as a person writes it.
fn parse_expected(kind: Kind, value: &serde_yaml::Value) -> Result<Expected, String> {
    use serde_yaml::Value as Y;
    let one = |v: &Y| -> Result<Option<f64>, String> {
        match (kind, v) {
            (_, Y::Null) => Ok(None),
            (Kind::Number | Kind::Duration, Y::Number(n)) => {
                n.as_f64().map(Some).ok_or_else(|| "write a number".to_string())
            }
            (Kind::Date, Y::String(s)) => crate::corpus::parse_iso_date(s.trim())
                .map(|d| Some(day_number(d) as f64))
                .ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD")),
            (Kind::Date, _) => Err("write a date as YYYY-MM-DD, or `[from, to]`".into()),
            _ => Err("write a number such as `50`, or `[lo, hi]` with `null` for no bound".into()),
        }
    };
    match (kind, value) {
        (Kind::Text, Y::String(s)) => Ok(Expected::Text(s.clone())),
        (Kind::Text, _) => Err("write the expected words as a string".into()),
        (_, Y::Sequence(items)) if items.len() == 2 => Ok(Expected::Range {
            lo: one(&items[0])?,
            hi: one(&items[1])?,
        }),
        (_, Y::Sequence(_)) => Err("an interval has two ends: `[lo, hi]`".into()),
        (_, single) => {
            let v = one(single)?.ok_or("an exact value cannot be null")?;
            Ok(Expected::Range {
                lo: Some(v),
                hi: Some(v),
            })
        }
    }
}

/// Byte offset of a 1-based line and column (characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}

/// The known name nearest to `word`, when it is near enough to be a typo.
fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push((previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
